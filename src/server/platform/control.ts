import { chmod, rm } from "node:fs/promises";
import net from "node:net";
import { z } from "zod";

/**
 * The running app's local control socket (a Unix domain socket in DATA_DIR, mode 0600): the
 * command-line tools ask the app that holds the database to act, because the embedded PGlite
 * must not be opened by a second process (decision 0034). One JSON line in, one JSON line out.
 */
export const CONTROL_SOCKET_FILE = "werkbrug.sock";

export const ControlRequestSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("backup") }),
  z.object({ command: z.literal("run-job"), name: z.string().min(1).max(100) }),
]);
export type ControlRequest = z.infer<typeof ControlRequestSchema>;

export const ControlResponseSchema = z.union([
  z.object({ ok: z.literal(true), file: z.string().optional() }),
  z.object({
    ok: z.literal(false),
    error: z.enum(["bad_request", "unknown_job", "failed"]),
    message: z.string(),
    jobs: z.array(z.string()).optional(),
  }),
]);
export type ControlResponse = z.infer<typeof ControlResponseSchema>;

export interface ControlCommands {
  /** Writes a backup; answers the archive's path. */
  backup(): Promise<string>;
  /** The jobs this app has registered. */
  jobNames(): string[];
  runJob(name: string): Promise<void>;
}

/** The socket's command handler: parse, act, answer; never throws. */
export async function handleControlRequest(
  line: string,
  commands: ControlCommands,
): Promise<ControlResponse> {
  let request: ControlRequest;
  try {
    request = ControlRequestSchema.parse(JSON.parse(line));
  } catch {
    return {
      ok: false,
      error: "bad_request",
      message: "Expected one JSON line: backup or run-job with a name",
    };
  }
  try {
    if (request.command === "backup") return { ok: true, file: await commands.backup() };
    const jobs = commands.jobNames();
    if (!jobs.includes(request.name))
      return { ok: false, error: "unknown_job", message: `No job called ${request.name}`, jobs };
    await commands.runJob(request.name);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}

function connect(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    socket.once("connect", () => resolve(socket));
    socket.once("error", (error: NodeJS.ErrnoException) => {
      // No file, or a file nobody listens on (an app that was killed): no app runs here.
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") resolve(null);
      else reject(error);
    });
  });
}

/** Whether an app listens on the socket (without asking it anything). */
export async function controlSocketLive(socketPath: string): Promise<boolean> {
  const socket = await connect(socketPath).catch(() => null);
  socket?.destroy();
  return socket !== null;
}

/**
 * Sends one command to the app listening on `socketPath`; null when no app listens there. No
 * time limit: a backup of a large database takes as long as it takes.
 */
export async function sendControlCommand(
  socketPath: string,
  request: ControlRequest,
): Promise<ControlResponse | null> {
  const socket = await connect(socketPath);
  if (!socket) return null;
  return new Promise((resolve, reject) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf("\n");
      if (end < 0) return;
      socket.end();
      try {
        resolve(ControlResponseSchema.parse(JSON.parse(buffer.slice(0, end))));
      } catch (error) {
        reject(error);
      }
    });
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("The app closed the control socket without an answer")));
    socket.write(`${JSON.stringify(request)}\n`);
  });
}

export interface ControlSocket {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Listens on `socketPath` for the lifetime of the app. A socket file left by a killed app is
 * replaced; one another live process answers on is an error (two apps on one DATA_DIR).
 */
export async function startControlSocket(
  socketPath: string,
  commands: ControlCommands,
): Promise<ControlSocket> {
  const live = await connect(socketPath);
  if (live) {
    live.destroy();
    throw new Error(`Another Werkbrug process already listens on ${socketPath} (one DATA_DIR, one app)`);
  }
  await rm(socketPath, { force: true });
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.setEncoding("utf8");
    let buffer = "";
    let handled = false;
    socket.on("data", (chunk: string) => {
      if (handled) return;
      buffer += chunk;
      const end = buffer.indexOf("\n");
      if (end < 0) {
        if (buffer.length > 10_000) socket.destroy();
        return;
      }
      handled = true;
      void handleControlRequest(buffer.slice(0, end), commands).then((response) => {
        if (!socket.destroyed) socket.end(`${JSON.stringify(response)}\n`);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Owner only from the first moment: bind() is synchronous, so the umask covers the socket file alone.
    // (Worker threads may not set the umask; the chmod below still applies there.)
    let umask: number | null = null;
    try {
      umask = process.umask(0o177);
    } catch {}
    try {
      server.listen(socketPath, () => resolve());
    } finally {
      if (umask !== null) process.umask(umask);
    }
  });
  await chmod(socketPath, 0o600);
  return {
    path: socketPath,
    async close() {
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socketPath, { force: true });
    },
  };
}
