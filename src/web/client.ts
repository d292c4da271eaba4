/* global Worker, URL, MessageEvent */
import type { Reply, Request } from "./protocol";

type Pending = {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  onProgress?: (stage: string) => void;
};
type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * The page's side of the Web Worker. The worker (with the .xlsx package code) is created on the first request, so
 * the page loads without it; its replies are matched to requests by id.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./worker.ts", import.meta.url));
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if (reply.type === "progress") {
        waiting.onProgress?.(reply.stage);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.type === "failed") waiting.reject(new Error(reply.message));
      else waiting.resolve(reply);
    };
    worker.onerror = () => {
      for (const waiting of this.pending.values())
        waiting.reject(
          new Error("Pengolah di latar belakang berhenti. Muat ulang halaman, lalu coba lagi.")
        );
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  request<T extends Reply["type"]>(
    body: Body,
    onProgress?: (stage: string) => void
  ): Promise<Extract<Reply, { type: T }>> {
    const id = this.next++;
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (reply: Reply) => void, reject, onProgress });
      const message = { ...body, id } as Request;
      worker.postMessage(message, message.type === "open" ? [message.bytes.buffer] : []);
    });
  }
}
