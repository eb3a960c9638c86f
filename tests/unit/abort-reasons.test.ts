import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { installAbortReasonRelease } from "@/server/abort-reasons";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const MB = 1024 * 1024;

/**
 * A render in miniature: a closure holding a large payload aborts its controller (with an Error of
 * its own, or with none, as Next does), and only the signal is kept, as a long-lived object keeps a
 * finished render's signal. Answers whether the payload could be collected.
 */
async function payloadCollected(withReason: boolean): Promise<boolean> {
  const signals: AbortSignal[] = [];
  let ref: WeakRef<ArrayBuffer> | undefined;
  (() => {
    const payload = new ArrayBuffer(16 * MB);
    ref = new WeakRef(payload);
    const controller = new AbortController();
    const finish = () => {
      if (payload.byteLength === 0) return;
      if (withReason) controller.abort(new Error("This render completed."));
      else controller.abort();
    };
    finish();
    signals.push(controller.signal);
  })();
  // A WeakRef keeps its target until the job that made it ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  expect(signals[0].aborted).toBe(true);
  return ref!.deref() === undefined;
}

describe("an aborted render's reason", () => {
  it("keeps what the render's frames held while its stack is unread, and lets it go once the release is installed", async () => {
    // Without the release: V8 keeps the reason's stack as frames, and the frames keep the payload.
    expect(await payloadCollected(true)).toBe(false);
    expect(await payloadCollected(false)).toBe(false);

    installAbortReasonRelease();
    installAbortReasonRelease(); // installing twice wraps once

    expect(await payloadCollected(true)).toBe(true);
    expect(await payloadCollected(false)).toBe(true);
  });

  it("still aborts as before: the reason, the event and AbortSignal.abort are unchanged", () => {
    installAbortReasonRelease();
    const controller = new AbortController();
    const heard: unknown[] = [];
    controller.signal.addEventListener("abort", () => heard.push(controller.signal.reason));
    const reason = new Error("done");
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(heard).toEqual([reason]);
    expect(String(reason.stack)).toContain("done");

    const plain = new AbortController();
    plain.abort();
    expect((plain.signal.reason as DOMException).name).toBe("AbortError");

    const already = AbortSignal.abort("gone");
    expect(already.aborted).toBe(true);
    expect(already.reason).toBe("gone");
  });
});
