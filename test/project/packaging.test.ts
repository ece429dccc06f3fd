/**
 * The installers' configuration (electron-builder.yml), checked without building an installer: electron-builder's
 * own schema validation, the targets and their options, the Windows file types (build/installer.nsh), the Linux
 * desktop entry, the icons at every size, the Chinese licence. The Electron binary cannot be downloaded here, so
 * the last part packs the app with `--dir` against a STAND-IN Electron (an empty folder with a script called
 * `electron`): a layout check of what would go into the installers, NOT a runnable build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile, type DocumentRead } from '../../electron/batch/read-document';
import { ICNS_SIZES, ICNS_TYPES, ICO_SIZES, LINUX_SIZES, readIcns, readIco, readPngInfo } from '../tools/icon-files';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const fromAppBuilder = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
}
const configModule = fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const asar = fromAppBuilder('@electron/asar') as { listPackage(path: string, options: object): string[]; extractAll(path: string, dest: string): void };

const loadConfig = () => configModule.getConfig(ROOT, CONFIG_FILE, null);
const validate = (config: Configuration) => configModule.validateConfiguration(config, new DebugLogger(false));

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const hasBom = (bytes: Uint8Array) => UTF8_BOM.every((value, i) => bytes[i] === value);

function targets(list: unknown): Record<string, string[]> {
  return Object.fromEntries((list as TargetConfiguration[]).map((target) => [target.target, (target.arch as string[]) ?? []]));
}

function makensis(): boolean {
  return spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' }).status === 0;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

describe('electron-builder configuration', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadConfig();
  });

  it('is accepted by electron-builder\'s own validation (app-builder-lib scheme.json), which rejects a misspelt option', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } as Configuration['nsis'] })).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis/);
    await expect(validate({ ...config, linux: { ...config.linux, categroy: 'Office' } as Configuration['linux'] })).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app 年报审核, with an ASCII executable and a Chinese description', () => {
    expect(config.productName).toBe('年报审核');
    expect(config.appId).toMatch(/^[a-z][a-z0-9.-]+$/);
    expect(config.copyright).toMatch(/年报审核/);
    expect(config.extraMetadata?.description).toMatch(/政府信息公开工作年度报告/);
    expect(config.win?.executableName).toBe('nianbao-review');
    expect(config.linux?.executableName).toBe('nianbao-review');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'build' });
  });

  it('builds nsis and portable for Windows x64/arm64, deb and AppImage for Linux x64/arm64', () => {
    expect(targets(config.win!.target)).toEqual({ nsis: ['x64', 'arm64'], portable: ['x64', 'arm64'] });
    expect(targets(config.linux!.target)).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] });
    // One installer per architecture, with distinct ASCII file names.
    expect(config.nsis?.buildUniversalInstaller).toBe(false);
    expect(config.portable?.buildUniversalInstaller).toBe(false);
    for (const name of [config.nsis?.artifactName, config.portable?.artifactName, config.appImage?.artifactName]) expect(name).toMatch(/^\$\{name\}-\$\{version\}-[a-z-]*\$\{arch\}\.\$\{ext\}$/);
    expect(config.nsis?.artifactName).not.toBe(config.portable?.artifactName);
  });

  it('makes the nsis installer per machine, assisted, in Chinese, with the licence and both shortcuts', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      unicode: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: '年报审核',
      deleteAppDataOnUninstall: false,
      include: 'build/installer.nsh',
      license: 'build/license_zh_CN.txt',
    });
  });

  it('has a Chinese licence text, UTF-8 with a BOM as NSIS needs', () => {
    const bytes = readFileSync(join(ROOT, config.nsis!.license!));
    expect(hasBom(bytes)).toBe(true);
    const text = bytes.toString('utf8');
    expect(text).toMatch(/许可/);
    expect(text).toMatch(/不联网|不连接互联网/);
    expect(text).toMatch(/Electron/);
  });

  it('registers .docx/.doc/.pdf on Windows as 用年报审核打开 without taking over the default program', () => {
    const bytes = readFileSync(join(ROOT, config.nsis!.include!));
    expect(hasBom(bytes)).toBe(true);
    const script = bytes.toString('utf8');
    expect(script).toMatch(/!macro customInstall\b/);
    expect(script).toMatch(/!macro customUnInstall\b/);
    expect(script).toContain('用年报审核打开');
    for (const ext of ['docx', 'doc', 'pdf']) {
      expect(script).toContain(`!insertmacro nianbaoRegisterType "${ext}" "NianbaoReview.${ext}"`);
      expect(script).toContain(`!insertmacro nianbaoUnregisterType "${ext}" "NianbaoReview.${ext}"`);
    }
    expect(script).toMatch(/OpenWithProgids/);
    expect(script).toMatch(/SystemFileAssociations/);
    // Never the default value of Software\Classes\.<ext>: that would make this app the default for Word files.
    expect(script).not.toMatch(/WriteRegStr\s+\S+\s+"Software\\Classes\\\.\$\{EXT\}"\s+""/);
    // electron-builder's own file associations (APP_ASSOCIATE writes exactly that default) are not used on Windows.
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win?.fileAssociations).toBeUndefined();
  });

  // Debian's `nsis` package (makensis) compiles the include as electron-builder's installer would include it.
  it.skipIf(!makensis())('compiles with makensis, writing only the app\'s own keys (never Software\\Classes\\.<ext> itself)', () => {
    const work = mkdtempSync(join(tmpdir(), 'nianbao-nsis-'));
    try {
      const script = [
        'Unicode true',
        '!define APP_EXECUTABLE_FILENAME "nianbao-review.exe"',
        '!define PRODUCT_NAME "年报审核"',
        'Name "${PRODUCT_NAME}"',
        `OutFile "${join(work, 'check.exe')}"`,
        'RequestExecutionLevel admin',
        'InstallDir "$PROGRAMFILES64\\nianbao-review"',
        `!include "${join(ROOT, config.nsis!.include!)}"`,
        'Section "Install"',
        '  SetShellVarContext all',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        'Section "Uninstall"',
        '  SetShellVarContext all',
        '  !insertmacro customUnInstall',
        'SectionEnd',
        '',
      ].join('\n');
      writeFileSync(join(work, 'check.nsi'), Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(script, 'utf8')]));
      const run = spawnSync('makensis', ['-V4', '-WX', join(work, 'check.nsi')], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const writes = run.stdout.split('\n').filter((line) => /^(WriteReg\w+|DeleteReg\w+):/.test(line));
      for (const ext of ['docx', 'doc', 'pdf']) {
        expect(writes).toContain(`WriteRegStr: SHELL_CONTEXT\\Software\\Classes\\SystemFileAssociations\\.${ext}\\shell\\NianbaoReview\\=用年报审核打开`);
        expect(writes).toContain(`WriteRegNone: SHELL_CONTEXT\\Software\\Classes\\.${ext}\\OpenWithProgids\\NianbaoReview.${ext}=`);
      }
      const extensionKeys = writes.filter((line) => /^WriteReg\w+: SHELL_CONTEXT\\Software\\Classes\\\.\w+\\(?!OpenWithProgids\\)/.test(line));
      expect(extensionKeys).toEqual([]);
      expect(writes.filter((line) => line.startsWith('DeleteRegKey:')).some((line) => /Classes\\\.\w+\\?$/.test(line))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('gives Linux a Chinese desktop entry in Office, offered for the MIME types of .docx/.doc/.pdf', () => {
    const linux = config.linux!;
    expect(linux.category).toBe('Office');
    expect(linux.icon).toBe('build/icons');
    const entry = linux.desktop?.entry as Record<string, string>;
    expect(entry).toMatchObject({ Name: '年报审核', 'Name[zh_CN]': '年报审核' });
    expect(linux.description).toMatch(/年度报告/); // electron-builder writes it as the entry's Comment
    expect(entry['Comment[zh_CN]']).toMatch(/年度报告/);
    expect(linux.mimeTypes).toEqual([MIME.docx, MIME.doc, MIME.pdf]);
    // No fileAssociations: on Linux they would also install a MIME package redefining these system types.
    expect(linux.fileAssociations).toBeUndefined();
    expect(config.extraMetadata?.desktopName).toBe('nianbao-review.desktop');
  });

  it('gives the deb dependencies that exist on Debian/UOS/Kylin (old and t64 names) and a maintainer', () => {
    const depends = config.deb?.depends ?? [];
    for (const library of ['libgtk-3-0', 'libnss3', 'libasound2', 'libgbm1', 'libxss1', 'xdg-utils']) expect(depends.some((line) => line.split(/\s*\|\s*/).includes(library)), library).toBe(true);
    expect(depends.some((line) => line.includes('libasound2t64'))).toBe(true);
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^>\s]+>$/);
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//);
  });

  it('points at resources that exist', () => {
    for (const path of [config.win!.icon!, config.nsis!.installerIcon!, config.nsis!.uninstallerIcon!, config.nsis!.license!, config.nsis!.include!, config.linux!.icon!]) {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });

  it('packs only what runs: out/, package.json, the sample report; no sources, tests or fixtures', () => {
    // electron-builder's loader turns the list into one file set: { filter: [...] }.
    const files = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['build/sample/*.docx', 'out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'package.json']);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
    expect(readdirSync(join(ROOT, 'build', 'sample')).filter((name) => name.endsWith('.docx'))).toHaveLength(1);
    // out/ is produced by `npm run build` (the layout check below runs it and looks inside app.asar).
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.build).toMatch(/build:renderer/);
    expect(scripts.dist).toBe('npm run build && electron-builder --config electron-builder.yml');
    expect(scripts['dist:win']).toMatch(/--win$/);
    expect(scripts['dist:linux']).toMatch(/--linux$/);
    expect(config.extraResources).toBeUndefined();
    // Only the OCR engine is unpacked (its worker script, wasm and model must be real files).
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/tesseract.js/**/*', 'node_modules/tesseract.js-core/**/*', 'node_modules/@tesseract.js-data/chi_sim/**/*']));
    expect((config.asarUnpack as string[]).every((pattern) => pattern.startsWith('node_modules/'))).toBe(true);
  });
});

describe('icons', () => {
  const png = (path: string) => readPngInfo(readFileSync(join(ROOT, 'build', path)));

  it('has the source drawing and a 1024 px PNG', () => {
    expect(readFileSync(join(ROOT, 'build', 'icon.svg'), 'utf8')).toMatch(/<svg[^>]+viewBox="0 0 1024 1024"/);
    expect(png('icon.png')).toMatchObject({ width: 1024, height: 1024, colorType: 6 });
  });

  it('has build/icons/<n>x<n>.png at every Linux size, each really n×n RGBA', () => {
    for (const size of LINUX_SIZES) expect(png(`icons/${size}x${size}.png`), `${size}`).toMatchObject({ width: size, height: size, colorType: 6 });
    expect(readdirSync(join(ROOT, 'build', 'icons')).sort()).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
  });

  it('has an .ico with PNG images of 16 to 256 px', () => {
    const entries = readIco(readFileSync(join(ROOT, 'build', 'icon.ico')));
    expect(entries.map((entry) => entry.width)).toEqual(ICO_SIZES);
    for (const entry of entries) {
      expect(readPngInfo(entry.image)).toMatchObject({ width: entry.width, height: entry.height });
      expect(entry.bitCount).toBe(32);
    }
  });

  it('has an .icns with PNG elements of 16 to 1024 px', () => {
    const elements = readIcns(readFileSync(join(ROOT, 'build', 'icon.icns')));
    expect(elements.map((element) => element.type)).toEqual(ICNS_SIZES.map((size) => ICNS_TYPES[size]));
    elements.forEach((element, i) => expect(readPngInfo(element.image).width).toBe(ICNS_SIZES[i]));
  });
});

/** Bare module specifiers the built main-process code (out/main) imports or resolves, besides Node's and Electron's. */
function runtimeImports(folder: string): Set<string> {
  const specifiers = new Set<string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\.resolve\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
      const specifier = match[1];
      if (!specifier.startsWith('node:') && specifier !== 'electron' && !specifier.includes('${')) specifiers.add(specifier);
    }
  }
  return specifiers;
}

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Reads files one by one with the packed read-worker, in a worker thread of this Node (not Electron). */
function readWithPackedWorker(appDir: string, files: string[]): Promise<DocumentRead[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL(`file://${join(appDir, 'out', 'main', 'read-worker.js')}`), { stdout: true, stderr: true });
    const results: DocumentRead[] = [];
    const sendNext = () => worker.postMessage({ index: results.length, file: files[results.length] });
    worker.on('message', (message: { ready: true } | { index: number; result: DocumentRead }) => {
      if ('result' in message) results.push(message.result);
      if (results.length < files.length) sendNext();
      else void worker.terminate().then(() => resolvePromise(results));
    });
    worker.on('error', reject);
  });
}

const comparable = (read: DocumentRead) => JSON.stringify({ ...read, millis: 0 });

describe('packed layout with a stand-in Electron (electron-builder --dir; not a runnable build)', () => {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-pack-'));
  const output = join(work, 'dist');
  const unpacked = join(output, 'linux-unpacked');
  const archive = join(unpacked, 'resources', 'app.asar');
  const extracted = join(work, 'app');
  let entries: string[] = [];
  let builderLog = '';

  beforeAll(() => {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);

    // The stand-in: what electron-builder copies from an unpacked Electron, with stub contents.
    const standIn = join(work, 'stand-in-electron');
    mkdirSync(join(standIn, 'locales'), { recursive: true });
    mkdirSync(join(standIn, 'resources'), { recursive: true });
    writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for the layout check, not Electron" >&2\nexit 1\n', { mode: 0o755 });
    for (const locale of ['en-US', 'zh-CN', 'zh-TW', 'fr', 'de']) writeFileSync(join(standIn, 'locales', `${locale}.pak`), 'stub');
    writeFileSync(join(standIn, 'LICENSE'), 'stub');
    writeFileSync(join(standIn, 'chrome-sandbox'), 'stub');
    // After packing, electron-builder's own LinuxTargetHelper writes the .desktop file and MIME package a deb would get.
    const afterPack = join(work, 'after-pack.cjs');
    writeFileSync(
      afterPack,
      `const { copyFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { LinuxTargetHelper } = require(${JSON.stringify(fromBuilder.resolve('app-builder-lib/out/targets/LinuxTargetHelper.js'))});
exports.default = async ({ packager, outDir }) => {
  const helper = new LinuxTargetHelper(packager);
  const options = { ...packager.platformSpecificBuildOptions, ...packager.config.deb };
  writeFileSync(join(outDir, 'deb.desktop'), await helper.computeDesktopEntry(options));
  const mime = await helper.mimeTypeFiles;
  if (mime) copyFileSync(mime, join(outDir, 'deb-mime.xml'));
};
`,
    );
    // The real configuration, with the stand-in, without fuses (they patch the real binary) and a private output.
    const config = join(work, 'layout-check.yml');
    writeFileSync(
      config,
      [`extends: ${JSON.stringify(CONFIG_FILE)}`, `electronDist: ${JSON.stringify(standIn)}`, 'electronFuses: null', `afterPack: ${JSON.stringify(afterPack)}`, 'directories:', `  output: ${JSON.stringify(output)}`, ''].join('\n'),
    );

    const cli = fromBuilder.resolve('electron-builder/cli.js');
    // Without VITEST in its environment: electron-builder silences its log under vitest and hard-links files.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const run = spawnSync(process.execPath, [cli, '--config', config, '--linux', 'dir', '--x64', '--publish', 'never'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    builderLog = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`electron-builder --dir failed:\n${builderLog}`);
    entries = asar.listPackage(archive, {}).map((entry) => entry.replace(/\\/g, '/'));
    asar.extractAll(archive, extracted);
  }, 420_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('used the stand-in and downloaded nothing', () => {
    expect(builderLog).toMatch(/using custom unpacked Electron distribution/);
    expect(builderLog).not.toMatch(/download/i);
  });

  it('renames the executable, keeps only the Chinese and English locales, and unpacks only the OCR engine', () => {
    expect(existsSync(join(unpacked, 'nianbao-review'))).toBe(true);
    expect(readdirSync(join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    // app.asar and the OCR engine beside it; no app-update.yml (the app never looks for updates).
    expect(readdirSync(join(unpacked, 'resources')).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
    expect(readdirSync(join(unpacked, 'resources', 'app.asar.unpacked'))).toEqual(['node_modules']);
  });

  it('ships the OCR engine as real files: worker script and its requires, LSTM wasm builds, the chi_sim model', () => {
    const outside = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules');
    const worker = join(outside, 'tesseract.js', 'src', 'worker-script', 'node', 'index.js');
    expect(existsSync(worker)).toBe(true);
    for (const file of ['tesseract-core-lstm.wasm', 'tesseract-core-simd-lstm.wasm', 'tesseract-core-relaxedsimd-lstm.wasm', 'tesseract-core-simd-lstm.js']) {
      expect(existsSync(join(outside, 'tesseract.js-core', file)), file).toBe(true);
    }
    expect(existsSync(join(outside, 'tesseract.js-core', 'tesseract-core-simd.wasm'))).toBe(false);
    expect(existsSync(join(outside, '@tesseract.js-data', 'chi_sim', '4.0.0_best_int', 'chi_sim.traineddata.gz'))).toBe(true);
    expect(existsSync(join(outside, '@tesseract.js-data', 'chi_sim', '4.0.0'))).toBe(false);
    // Every package the worker script requires resolves among the unpacked files, not inside the archive.
    const fromWorker = createRequire(worker);
    for (const specifier of ['wasm-feature-detect', 'tesseract.js-core/tesseract-core-simd-lstm', 'is-url', 'bmp-js', 'zlibjs', 'node-fetch', 'regenerator-runtime/runtime']) {
      expect(fromWorker.resolve(specifier), specifier).toContain(outside);
    }
    // The main side's tesseract.js (in the archive) is there too.
    expect(entries).toContain('/node_modules/tesseract.js/package.json');
    expect(entries.some((entry) => entry.startsWith('/node_modules/tesseract.js/dist/'))).toBe(false);
  });

  it('has the main process, the worker, the preload, the renderer with pdf.js assets and the sample report in app.asar', () => {
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/read-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/out/renderer/pdfjs/pdf.worker.min.mjs',
      '/out/renderer/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      '/out/renderer/pdfjs/standard_fonts/FoxitSerif.pfb',
      '/out/renderer/pdfjs/wasm/openjpeg.wasm',
      '/node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      '/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
      '/node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap',
      '/node_modules/pdfjs-dist/standard_fonts/FoxitSerif.pfb',
      '/node_modules/pdfjs-dist/wasm/openjpeg.wasm',
    ]) {
      expect(entries, path).toContain(path);
    }
    for (const chunk of readdirSync(join(ROOT, 'out', 'main', 'chunks'))) expect(entries).toContain(`/out/main/chunks/${chunk}`);
    expect(entries.filter((entry) => /^\/build\/sample\/[^/]+\.docx$/.test(entry))).toHaveLength(1);
  });

  it('has every package the built main process imports, and their dependencies resolve', () => {
    const devDependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies);
    const all = runtimeImports(join(ROOT, 'out', 'main'));
    // Development workers (no built file) go through electron/run-ts.mjs, a path: no development package is imported.
    expect([...all].filter((specifier) => devDependencies.includes(packageOf(specifier)))).toEqual([]);
    const imports = [...all].filter((specifier) => !devDependencies.includes(packageOf(specifier)));
    expect(imports).toEqual(expect.arrayContaining(['exceljs', 'mammoth', 'zod', 'pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/package.json']));
    const requireInApp = createRequire(join(extracted, 'out', 'main', 'index.js'));
    for (const specifier of imports) {
      expect(entries, specifier).toContain(`/node_modules/${packageOf(specifier)}/package.json`);
      expect(requireInApp.resolve(specifier), specifier).toContain(join(extracted, 'node_modules'));
    }
  });

  it('leaves out sources, tests, fixtures, source maps, dev tools and the platform-specific canvas binary', () => {
    const offending = entries.filter(
      (entry) =>
        /^\/(electron|shared|renderer|test|src|dist|coverage|\.git)(\/|$)/.test(entry) ||
        /\.truth\.json$|\.review\.json$|\.map$|\.node$|\.[cm]?tsx?$/.test(entry) ||
        /^\/build\/(?!sample(\/|$))/.test(entry),
    );
    expect(offending).toEqual([]);
    const packages = new Set(entries.filter((entry) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry)).map((entry) => entry.slice('/node_modules/'.length)));
    for (const name of ['react', 'react-dom', 'electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'playwright-core', 'tsx', '@napi-rs/canvas', '@types/node']) {
      expect(packages.has(name), name).toBe(false);
    }
    expect(entries.some((entry) => entry.startsWith('/node_modules/exceljs/dist/'))).toBe(false);
    expect(entries.some((entry) => entry.startsWith('/node_modules/pdfjs-dist/build/'))).toBe(false);
  });

  it('gives the deb a desktop entry in Chinese, in Office, for the three MIME types, and no MIME package (electron-builder\'s own generator)', () => {
    const entry = readFileSync(join(output, 'deb.desktop'), 'utf8');
    const lines = entry.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    for (const line of [
      'Name=年报审核',
      'Name[zh_CN]=年报审核',
      'Comment=政府信息公开工作年度报告离线审核',
      'Comment[zh_CN]=政府信息公开工作年度报告离线审核',
      'Icon=nianbao-review',
      'StartupWMClass=nianbao-review',
      'Categories=Office;',
      'Type=Application',
      `MimeType=${MIME.docx};${MIME.doc};${MIME.pdf};`,
    ]) {
      expect(lines, line).toContain(line);
    }
    expect(lines.find((line) => line.startsWith('Exec='))).toBe('Exec="/opt/年报审核/nianbao-review" %U');
    // No MIME package: the system's own definitions of these types (description, icon) stay as they are.
    expect(existsSync(join(output, 'deb-mime.xml'))).toBe(false);
  });

  it('keeps the metadata Electron reads at run time', () => {
    const metadata = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8'));
    expect(metadata).toMatchObject({ main: 'out/main/index.js', type: 'module', productName: '年报审核', desktopName: 'nianbao-review.desktop' });
    expect(metadata.devDependencies).toBeUndefined();
    expect(metadata.scripts).toBeUndefined();
  });

  it('reads the sample report and a PDF with the packed code alone, exactly as the source tree does', async () => {
    const sample = join(extracted, 'build', 'sample', readdirSync(join(extracted, 'build', 'sample'))[0]);
    const pdf = join(ROOT, 'test', 'fixtures', 'corpus', 'd02_lo.pdf');
    const packed = await readWithPackedWorker(extracted, [sample, pdf]);
    for (const read of packed) expect(read.error, basename(read.file)).toBeUndefined();
    const fromSource = [await readDocumentFile(sample), await readDocumentFile(pdf)];
    expect(packed.map(comparable)).toEqual(fromSource.map(comparable));
  }, 120_000);

  it('writes an Excel workbook with the packed exceljs', async () => {
    const ExcelJS = createRequire(join(extracted, 'out', 'main', 'index.js'))('exceljs') as typeof import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('汇总').addRow(['机关', 1]);
    expect((await workbook.xlsx.writeBuffer()).byteLength).toBeGreaterThan(1000);
  });
});
