// drivebay-csi: parse the command line, start the plugin, stop it cleanly on a signal.
import { CliError, parseCli, USAGE } from './cli.js';
import { PLUGIN_VERSION } from './driver.js';
import { socketPathOf } from './grpc/endpoint.js';
import { EmulatedHost } from './host/index.js';
import { createPluginLog } from './log.js';
import { startPlugin } from './plugin.js';

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2), process.env);
  if (cli.kind === 'help') return void process.stdout.write(USAGE);
  if (cli.kind === 'version') return void process.stdout.write(`drivebay-csi ${PLUGIN_VERSION}\n`);
  const { options } = cli;
  socketPathOf(options.endpoint); // a bad endpoint is a usage error, said before anything starts
  const log = createPluginLog(options.logLevel, { mode: options.mode });
  const host =
    options.mode === 'controller'
      ? undefined
      : new EmulatedHost({
          stateDir: options.stateDir,
          mounts: options.hostMounts,
          stepDelayMs: options.fabricLatencyMs,
          log: (m, f) => log.info(m, f),
        });
  const plugin = await startPlugin({
    mode: options.mode,
    endpoint: options.endpoint,
    credentials: options.secretDir,
    cluster: options.cluster,
    nodeId: options.nodeId,
    nodeName: options.nodeName,
    host,
    maxVolumesPerNode: options.maxVolumesPerNode,
    log,
  });
  const stop = async (why: string) => {
    log.info('csi plugin stopping', { why });
    await plugin.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  // Started by a parent over IPC (the embedded default, tests): go when the parent goes.
  if (process.connected) process.once('disconnect', () => void stop('parent exited'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof CliError
      ? `drivebay-csi: ${error.message}\n`
      : `drivebay-csi: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
