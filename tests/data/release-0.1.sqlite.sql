-- A database of release 0.1 (before Alembic): the schema main's create_schema made, with rows
-- of every table (two seed articles, a sentence report and its status change, an editor,
-- a token, a lexicon entry). tests/test_migrations.py upgrades it. Made with sqlite3 iterdump.
BEGIN TRANSACTION;
CREATE TABLE api_tokens (
	id INTEGER NOT NULL, 
	user_id INTEGER NOT NULL, 
	label VARCHAR(100) NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_used_at DATETIME, 
	revoked_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (token_hash)
);
INSERT INTO "api_tokens" VALUES(1,1,'tests','3ed935b3821e38d8ef748e912efc7baedbdd390ad4c7620bb813d0e6e482aff6','2026-12-06 19:49:34.893496',NULL,NULL);
CREATE TABLE articles (
	id INTEGER NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	title TEXT NOT NULL, 
	date_line TEXT, 
	published_utc DATETIME, 
	published_has_time BOOLEAN NOT NULL, 
	timezone VARCHAR(64) NOT NULL, 
	source TEXT, 
	source_url TEXT, 
	machine_translated_from VARCHAR(8), 
	declared_language VARCHAR(8), 
	detected_language VARCHAR(8), 
	language_confidence FLOAT, 
	language_override VARCHAR(8), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (fingerprint)
);
INSERT INTO "articles" VALUES(1,'34aa26f44a1a23e14262de9e8fe4c9bf096af764f4974b38c1f1ceae4ebdb74f','Neue Straßenbahnlinie 7 verbindet Hauptbahnhof und Universität','14. März 2025, 7:45 Uhr','2025-03-14 06:45:00.000000',1,'Europe/Berlin','Rheinischer Morgen (sample)',NULL,NULL,'de','de',1.0,'de','2026-12-06 19:49:34.248251');
INSERT INTO "articles" VALUES(2,'239194d84a735b3c74c10eec91e29a06b4a04ae64ca0ba2a3acaaef23bdbfff0','新型特急「みなとかぜ」がデビュー　初日の指定席は完売','2025年11月8日 18時02分','2025-11-08 09:02:00.000000',1,'Asia/Tokyo','港南日報（sample）',NULL,NULL,'ja','ja',0.99,NULL,'2026-12-06 19:49:34.283036');
CREATE TABLE blocks (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	text TEXT NOT NULL, 
	lang VARCHAR(8), 
	lang_confidence FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);
INSERT INTO "blocks" VALUES(1,1,0,'paragraph','Nach gut drei Jahren Bauzeit fährt ab Samstag, 15. März, die neue Straßenbahnlinie 7 in Hohenbruck. Die erste Bahn verlässt den Hauptbahnhof um 5:12 Uhr und erreicht den Campus der Universität nach nur 14 Minuten. Die Verkehrsbetriebe rechnen mit rund 18.500 Fahrgästen pro Werktag.','de',1.0);
INSERT INTO "blocks" VALUES(2,1,1,'paragraph','Die Strecke ist 6,3 Kilometer lang und hat elf Haltestellen, z. B. am Klinikum und am neuen Sportzentrum. Es ist bereits die 4. Erweiterung des Netzes seit der Jahrtausendwende. Die Baukosten lagen bei 142,5 Millionen Euro, Bund und Land übernehmen zusammen rund 75 % der Summe.','de',1.0);
INSERT INTO "blocks" VALUES(3,1,2,'heading','Eröffnungsfest am Wochenende','de',1.0);
INSERT INTO "blocks" VALUES(4,1,3,'paragraph','Zur Eröffnung lädt die Stadt am Samstag ab 10 Uhr zu einem Fest auf dem Universitätsplatz ein. Am ersten Betriebstag ist die Fahrt auf der gesamten Linie kostenlos, danach gilt der normale Tarif von 3,20 € für eine Einzelfahrt. „Wir schließen damit eine Lücke, über die in dieser Stadt seit Jahrzehnten gesprochen wird“, sagte Verkehrsdezernentin Dr. Anna Lehmkuhl.','de',1.0);
INSERT INTO "blocks" VALUES(5,1,4,'paragraph','Anwohnerinnen und Anwohner der Gartenstraße müssen sich dagegen noch etwas gedulden: Die Lärmschutzwände dort sollen erst bis Ende Juni fertig sein. Die Verkehrsbetriebe bitten um Verständnis für kurze nächtliche Bauarbeiten.','de',1.0);
INSERT INTO "blocks" VALUES(6,1,5,'hashtags','#Hohenbruck #Straßenbahn #Nahverkehr #Linie7 #Verkehrswende #NeueStrecke','de',1.0);
INSERT INTO "blocks" VALUES(7,2,0,'paragraph','港南電鉄は8日、新型特急「みなとかぜ」の営業運転を始めた。一番列車は午前6時15分に海浜中央駅を出発し、終点の岬ノ浦駅までの約58キロを1時間12分で結んだ。初日の指定席はすべて売り切れ、沿線の駅には多くの鉄道ファンが集まった。','ja',1.0);
INSERT INTO "blocks" VALUES(8,2,1,'paragraph','新型車両は同社の特急として第5世代にあたり、座席数は1編成248席。従来の車両に比べて消費電力を約30％削減したほか、全席に電源コンセントを設けた。','ja',1.0);
INSERT INTO "blocks" VALUES(9,2,2,'heading','観光客の増加に期待','ja',1.0);
INSERT INTO "blocks" VALUES(10,2,3,'paragraph','同社によると、開業から1か月で約12,000人の利用を見込んでいる。岬ノ浦駅で出発式を見守った会社員の佐藤美咲さん（34）は「窓が大きくて海がよく見え、最高の乗り心地でした」と話した。','ja',1.0);
INSERT INTO "blocks" VALUES(11,2,4,'paragraph','特急料金は大人1,100円。11月30日（日）までは、車両のイラストが入った記念乗車券も各駅で販売している。','ja',1.0);
INSERT INTO "blocks" VALUES(12,2,5,'hashtags','#港南電鉄 #みなとかぜ #新型特急 #鉄道 #鉄道旅 #撮り鉄','ja',1.0);
CREATE TABLE feedback (
	id INTEGER NOT NULL, 
	article_id INTEGER, 
	category VARCHAR(32) NOT NULL, 
	message TEXT NOT NULL, 
	email VARCHAR(254), 
	locale VARCHAR(8), 
	created_at DATETIME NOT NULL, 
	block_position INTEGER, 
	sentence_index INTEGER, 
	sentence_text TEXT, 
	word VARCHAR(200), 
	word_index INTEGER, 
	language VARCHAR(8), 
	voice VARCHAR(64), 
	audio_position FLOAT, 
	status VARCHAR(16), 
	PRIMARY KEY (id), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE SET NULL
);
INSERT INTO "feedback" VALUES(1,1,'pronunciation','Straßenbahn klingt falsch','leser@example.org','de','2026-11-30 08:15:00.000000',0,0,'Nach gut drei Jahren Bauzeit fährt ab Samstag, 15. März, die','Straßenbahn',1,'de','kokoro:jm_kumo',3.5,'in_progress');
INSERT INTO "feedback" VALUES(2,2,'other','旧い報告',NULL,'ja','2026-10-01 12:00:00.000000',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'new');
CREATE TABLE feedback_events (
	id INTEGER NOT NULL, 
	feedback_id INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	user_id INTEGER, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(feedback_id) REFERENCES feedback (id) ON DELETE CASCADE, 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO "feedback_events" VALUES(1,1,'in_progress',1,'2026-12-01 09:00:00.000000');
CREATE TABLE lexicon_entries (
	id INTEGER NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	pattern VARCHAR(200) NOT NULL, 
	is_regex BOOLEAN NOT NULL, 
	case_sensitive BOOLEAN NOT NULL, 
	replacement VARCHAR(200) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	note TEXT, 
	created_by_id INTEGER, 
	updated_by_id INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_lexicon UNIQUE (language, pattern, is_regex, case_sensitive), 
	FOREIGN KEY(created_by_id) REFERENCES users (id) ON DELETE SET NULL, 
	FOREIGN KEY(updated_by_id) REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO "lexicon_entries" VALUES(1,'de','Straßenbahn',0,0,'Schtraßen bahn','respelling',NULL,1,1,'2026-12-06 19:49:34.927016','2026-12-06 19:49:34.927024');
CREATE TABLE sentences (
	id INTEGER NOT NULL, 
	block_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	lang VARCHAR(8), 
	lang_confidence FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(block_id) REFERENCES blocks (id) ON DELETE CASCADE
);
INSERT INTO "sentences" VALUES(1,1,0,0,99,'de',1.0);
INSERT INTO "sentences" VALUES(2,1,1,100,213,'de',1.0);
INSERT INTO "sentences" VALUES(3,1,2,214,282,'de',1.0);
INSERT INTO "sentences" VALUES(4,2,0,0,105,'de',1.0);
INSERT INTO "sentences" VALUES(5,2,1,106,177,'de',1.0);
INSERT INTO "sentences" VALUES(6,2,2,178,278,'de',1.0);
INSERT INTO "sentences" VALUES(7,3,0,0,28,'de',1.0);
INSERT INTO "sentences" VALUES(8,4,0,0,94,'de',1.0);
INSERT INTO "sentences" VALUES(9,4,1,95,227,'de',1.0);
INSERT INTO "sentences" VALUES(10,4,2,228,365,'de',1.0);
INSERT INTO "sentences" VALUES(11,5,0,0,148,'de',1.0);
INSERT INTO "sentences" VALUES(12,5,1,149,225,'de',1.0);
INSERT INTO "sentences" VALUES(13,7,0,0,29,'ja',1.0);
INSERT INTO "sentences" VALUES(14,7,1,29,79,'ja',1.0);
INSERT INTO "sentences" VALUES(15,7,2,79,114,'ja',1.0);
INSERT INTO "sentences" VALUES(16,8,0,0,34,'ja',1.0);
INSERT INTO "sentences" VALUES(17,8,1,34,74,'ja',1.0);
INSERT INTO "sentences" VALUES(18,9,0,0,9,'ja',1.0);
INSERT INTO "sentences" VALUES(19,10,0,0,34,'ja',1.0);
INSERT INTO "sentences" VALUES(20,10,1,34,92,'ja',1.0);
INSERT INTO "sentences" VALUES(21,11,0,0,14,'ja',1.0);
INSERT INTO "sentences" VALUES(22,11,1,14,54,'ja',1.0);
CREATE TABLE users (
	id INTEGER NOT NULL, 
	name VARCHAR(64) NOT NULL, 
	password_hash VARCHAR(255) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
INSERT INTO "users" VALUES(1,'editor','$argon2id$v=19$m=65536,t=3,p=4$Mnss8RtRbJBW8+q2iYCqdg$OrBWUWwEFGB9IngiokXXWz69p4tPsevfaXzbiQfSHnY','editor','2026-12-06 19:49:34.879581');
CREATE INDEX ix_lexicon_entries_language ON lexicon_entries (language);
COMMIT;
