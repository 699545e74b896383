// main.js — the entry point, loaded by every page: sets up the page, reports, and the player where there is one.
import { setUpPage } from "./page.js";
import { setUpReports } from "./report.js";
import { startPlayer } from "./player/player.js";

setUpPage();
setUpReports();
startPlayer();
