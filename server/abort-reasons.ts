/*
 * Every render ends by aborting a few AbortControllers (React aborts its cache signal with an Error
 * saying the render completed; Next aborts its own with none, which makes a DOMException). V8 keeps
 * an Error's stack as structured frames until something reads `.stack`, and each frame holds its
 * function and receiver: here the render's closures and the `Immediate` the abort ran in. An
 * Immediate carries the render's AsyncLocalStorage stores and, once run, still points at the other
 * Immediates of its batch, so one long-lived object that holds one render's store (a database socket
 * opened during a render, say) kept every later render reachable through those chains. Under load
 * at scale the server grew past its 384 MB heap and stopped (Next's issues 96279 and 97434 describe
 * the same retention).
 *
 * Reading the reason's stack once, when it is set, turns the frames into a string and lets them go.
 * That costs a few microseconds per abort, a handful of aborts per render.
 */

const marker = Symbol.for("commonThread.abortReasonsLetGo");

/** Writes out the stack an abort's reason may still keep as frames. */
function letGoOfFrames(reason: unknown): void {
  if (reason !== null && typeof reason === "object" && "stack" in reason) {
    // Reading it formats it: the frames it kept, and what they pinned, can then be collected.
    void (reason as { stack?: unknown }).stack;
  }
}

/** Installs the wrapper once per process: every abort's reason has its stack written out at once. */
export function installAbortReasonRelease(): void {
  const proto = AbortController.prototype as AbortController & { [marker]?: true };
  if (proto[marker]) return;
  const abort = proto.abort;
  Object.defineProperty(proto, "abort", {
    configurable: true,
    writable: true,
    value: function (this: AbortController, reason?: unknown) {
      const result = abort.call(this, reason);
      letGoOfFrames(this.signal.reason);
      return result;
    },
  });
  const abortSignal = AbortSignal.abort.bind(AbortSignal);
  Object.defineProperty(AbortSignal, "abort", {
    configurable: true,
    writable: true,
    value: (reason?: unknown) => {
      const signal = abortSignal(reason);
      letGoOfFrames(signal.reason);
      return signal;
    },
  });
  Object.defineProperty(proto, marker, { value: true });
}
