// main.js — the entry point, loaded by every page: sets up the page, settings, reports, the queue, and the player where there is one.
import { setUpPage } from "./page.js";
import { setUpSettings } from "./settings.js";
import { setUpReports } from "./report.js";
import { setUpQueuePanel } from "./queue-panel.js";
import { startPlayer } from "./player/player.js";

setUpSettings();
setUpPage();
setUpReports();
setUpQueuePanel();
startPlayer();
