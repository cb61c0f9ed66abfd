#!/usr/bin/env node
// Plays one live stream of the example origin in headless Chromium and prints one JSON line.
//
//   node play.mjs --player hls|hlsll|flv|mpegts|video --url http://127.0.0.1:8080/live/KEY.m3u8 [--seconds 20]
//                 [--seek S: a file (video): seek to S once playing, then sample]
//                 [--startup-timeout 20] [--timeout <seconds + startup + 30>] [--chromium /usr/bin/chromium]
//
// hls = hls.js with lowLatencyMode off, hlsll = hls.js with lowLatencyMode on (LL-HLS parts, blocking
// reloads), flv = flv.js, mpegts = mpegts.js (both over HTTP-FLV), video = the browser's own <video> on a
// file (an MP4 recording). The page and the player libraries
// come from a static server on a loopback port of its own, so every request to the origin is
// cross-origin. Once playback has started (media time moving) the script samples the page every
// 500 ms for --seconds and reports: media time gained, player errors (fatal or not, and the video
// element's error), stalls ('waiting' after the start), seeks, dropped frames and, for hls.js, the
// latency (hls.latency: live edge minus currentTime).
//
// Exit status: 0 when the sampling window completed (the caller judges the figures), 2 when playback
// did not start within --startup-timeout or the whole run overran --timeout, 1 on a setup error
// (bad arguments, Chromium not launchable). A JSON line is printed in every case.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const PLAYERS = ['hls', 'hlsll', 'flv', 'mpegts', 'video'];
const FILES = {
  '/player.html': [join(here, 'player.html'), 'text/html; charset=utf-8'],
  '/lib/hls.js': [join(here, 'node_modules/hls.js/dist/hls.min.js'), 'text/javascript'],
  '/lib/flv.js': [join(here, 'node_modules/flv.js/dist/flv.min.js'), 'text/javascript'],
  '/lib/mpegts.js': [join(here, 'node_modules/mpegts.js/dist/mpegts.js'), 'text/javascript'],
};

function parseArgs(argv) {
  const a = { seconds: 20, startupTimeout: 20, timeout: null, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (v === undefined) throw new Error('missing value after ' + k);
    i++;
    switch (k) {
      case '--player': a.player = v; break;
      case '--url': a.url = v; break;
      case '--seconds': a.seconds = Number(v); break;
      case '--seek': a.seek = Number(v); break;
      case '--startup-timeout': a.startupTimeout = Number(v); break;
      case '--timeout': a.timeout = Number(v); break;
      case '--chromium': a.chromium = v; break;
      default: throw new Error('unknown option ' + k);
    }
  }
  if (!PLAYERS.includes(a.player)) throw new Error('--player must be one of ' + PLAYERS.join(', '));
  if (!a.url || !/^https?:\/\//.test(a.url)) throw new Error('--url must be an http(s) URL');
  if (!(a.seconds > 0) || !(a.startupTimeout > 0)) throw new Error('--seconds and --startup-timeout must be positive');
  if (a.timeout === null) a.timeout = a.seconds + a.startupTimeout + 30;
  return a;
}

const result = { player: null, url: null, ok: false, reason: null };
let printed = false;
function finish(code) {
  if (!printed) {
    printed = true;
    process.stdout.write(JSON.stringify(result) + '\n');
  }
  process.exitCode = code;
  return code;
}

function staticServer() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = FILES[path];
    if (!file || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(file[0]);
      res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// puppeteer starts Chromium detached (a process group of its own): kill the whole group
function killBrowser(browser) {
  const child = browser?.process();
  if (!child || child.pid === undefined || child.exitCode !== null) return;
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* no such group */ }
  try { child.kill('SIGKILL'); } catch { /* gone */ }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((x, y) => x - y);
  if (v.length === 0) return null;
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return {
    n: v.length, min: r3(v[0]), median: r3(v[Math.floor(v.length / 2)]), mean: r3(v.reduce((s, x) => s + x, 0) / v.length),
    max: r3(v[v.length - 1]), last: r3(values.filter((x) => typeof x === 'number').at(-1)),
  };
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv);
  } catch (e) {
    result.reason = 'usage: ' + e.message;
    return finish(1);
  }
  Object.assign(result, { player: args.player, url: args.url, seconds: args.seconds });
  for (const [path, [file]] of Object.entries(FILES)) {
    if (!existsSync(file)) {
      result.reason = `${file} is missing (serving ${path}): run "npm ci" in ${here}`;
      return finish(1);
    }
  }
  if (!existsSync(args.chromium)) {
    result.reason = `${args.chromium} is missing: apt-get install chromium`;
    return finish(1);
  }

  const t0 = Date.now();
  let browser = null;
  let server = null;
  let userDataDir = null;
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    result.reason = `timeout: the run took more than ${args.timeout} s`;
    finish(2);
    killBrowser(browser);
    if (userDataDir) rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    setTimeout(() => process.exit(2), 2000).unref();
  }, args.timeout * 1000);

  try {
    server = await staticServer();
    const pageOrigin = `http://127.0.0.1:${server.address().port}`;
    result.pageOrigin = pageOrigin;
    userDataDir = await mkdtemp(join(tmpdir(), 'sw-chromium-'));
    browser = await puppeteer.launch({
      executablePath: args.chromium,
      headless: true,
      userDataDir,
      protocolTimeout: 30_000,
      handleSIGINT: true,
      handleSIGTERM: true,
      handleSIGHUP: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--autoplay-policy=no-user-gesture-required', `--user-data-dir=${userDataDir}`,
      ],
    });
    result.browser = await browser.version();
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.length < 20 && pageErrors.push(String(e && e.message || e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && pageErrors.length < 20) pageErrors.push('console: ' + m.text());
    });
    const requestsFailed = [];
    page.on('requestfailed', (r) => {
      // a player aborting its own request (a replaced blocking reload, unload) is not a failure
      const why = r.failure() ? r.failure().errorText : '';
      if (why !== 'net::ERR_ABORTED' && requestsFailed.length < 20) requestsFailed.push(`${r.url()}: ${why}`);
    });
    const pageUrl = `${pageOrigin}/player.html?player=${encodeURIComponent(args.player)}&src=${encodeURIComponent(args.url)}`;
    await page.goto(pageUrl, { waitUntil: 'load', timeout: 15_000 });

    // wait for playback to start
    const startDeadline = Date.now() + args.startupTimeout * 1000;
    let state = null;
    while (!timedOut) {
      state = await page.evaluate(() => ({ started: window.probe.started, fatal: window.probe.errors.some((e) => e.fatal),
        version: window.probe.libraryVersion }));
      if (state.started || state.fatal || Date.now() > startDeadline) break;
      await sleep(100);
    }
    if (timedOut) return 2;
    result.libraryVersion = state.version;
    result.startupMs = Date.now() - t0;
    const samples = [];
    if (state.started && args.seek !== undefined) {
      // a file: seek, then measure playback from there (the seek itself is not a stall or an error)
      result.seekTarget = args.seek;
      result.seekReached = await page.evaluate((t) => window.seekTo(t), args.seek);
      await page.evaluate(() => { window.probe.seekingAfterStart = 0; window.probe.waitingAfterStart = 0; });
    }
    if (state.started) {
      const first = await page.evaluate(() => window.sample());
      samples.push(first);
      const end = Date.now() + args.seconds * 1000;
      while (Date.now() < end && !timedOut) {
        await sleep(Math.min(500, Math.max(0, end - Date.now())));
        samples.push(await page.evaluate(() => window.sample()));
      }
      if (timedOut) return 2;
    }
    const final = await page.evaluate(() => {
      const { started, errors, waitingAfterStart, stalledMs, waitingSince, seekingAfterStart, events } = window.probe;
      return { started, errors, waitingAfterStart, stalledMs: stalledMs + (waitingSince === null ? 0 : performance.now() - waitingSince),
        seekingAfterStart, events };
    });
    const first = samples[0];
    const last = samples.at(-1);
    Object.assign(result, {
      started: final.started,
      windowMs: first && last ? last.t - first.t : 0,
      currentTimeStart: first ? first.currentTime : null,
      currentTimeEnd: last ? last.currentTime : null,
      mediaAdvanceSeconds: first && last ? Math.round((last.currentTime - first.currentTime) * 1000) / 1000 : 0,
      errorCount: final.errors.length,
      fatalErrorCount: final.errors.filter((e) => e.fatal).length,
      errors: final.errors.slice(0, 20),
      stalls: final.waitingAfterStart,
      stalledMs: Math.round(final.stalledMs),
      seeksAfterStart: final.seekingAfterStart,
      latency: stats(samples.map((s) => s.latency)),
      targetLatency: last && last.targetLatency !== undefined ? last.targetLatency : null,
      bufferAhead: stats(samples.map((s) => s.bufferAhead)),
      playbackRate: stats(samples.map((s) => s.playbackRate)),
      decodedFrames: last ? last.decodedFrames : null,
      droppedFrames: last && first ? last.droppedFrames - first.droppedFrames : null,
      pageErrors,
      requestsFailed,
      timeline: samples.filter((_, i) => i % 4 === 0 || i === samples.length - 1)
        .map((s) => [s.t - first.t, Math.round(s.currentTime * 1000) / 1000, s.latency === null ? null : Math.round(s.latency * 1000) / 1000]),
    });
    if (!final.started) {
      result.events = final.events.slice(0, 40);
      result.reason = final.errors.some((e) => e.fatal) ? 'fatal player error before playback started'
        : `playback did not start within ${args.startupTimeout} s`;
      return finish(2);
    }
    result.ok = true;
    result.elapsedMs = Date.now() - t0;
    return finish(0);
  } catch (e) {
    if (!timedOut) {
      result.reason = 'error: ' + (e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e));
      return finish(1);
    }
    return 2;
  } finally {
    clearTimeout(killer);
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
      killBrowser(browser);
    }
    if (server) server.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
}

main().then((code) => {
  finish(code);
  // nothing else to wait for: leave even if a socket lingers
  setTimeout(() => process.exit(process.exitCode), 100).unref();
});
