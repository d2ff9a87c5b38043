// Runs a function in a task of its own: the page answers input and paints in between. Unlike
// setTimeout(…, 0), which browsers hold back to 4 ms once calls nest five deep, a message to
// oneself is delivered at once — a computation cut into ten slices does not wait 30 ms for nothing.
const queue: (() => void)[] = [];
let channel: MessageChannel | undefined;

export function nextTask(run: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(run);
  channel.port2.postMessage(null);
}
