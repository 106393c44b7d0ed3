/**
 * The browser's Web MIDI behind a small interface, so the store never touches navigator and tests can
 * pass a fake. Asking for access needs no sysex (notes only), which Chromium grants without a prompt on
 * secure origins; a refusal or a missing API becomes a plain-words reason for the controls to show.
 */

export interface MidiPort {
  id: string;
  name: string;
}

export interface MidiConnection {
  inputs(): MidiPort[];
  outputs(): MidiPort[];
  /** Every message from every input: the raw bytes, when it arrived (performance.now clock), which input. */
  onMessage(listener: (data: Uint8Array, timeStamp: number, inputId: string) => void): () => void;
  /** Devices plugged in or out. */
  onPortsChange(listener: () => void): () => void;
  /** Sends `data` to an output at `at` (performance.now ms; omitted = at once). Unknown ids are ignored. */
  send(outputId: string, data: number[], at?: number): void;
  /** Drops messages queued on an output but not yet delivered, where the browser supports it. */
  clear(outputId: string): void;
}

export type MidiAccessResult =
  { ok: true; connection: MidiConnection } | { ok: false; reason: string; unsupported: boolean };

function portsOf(map: MIDIInputMap | MIDIOutputMap): MidiPort[] {
  const ports: MidiPort[] = [];
  map.forEach((port) => ports.push({ id: port.id, name: port.name || port.manufacturer || 'MIDI device' }));
  return ports;
}

/** Wraps an already granted MIDIAccess. */
export function wrapMidiAccess(access: MIDIAccess): MidiConnection {
  const messageListeners = new Set<(data: Uint8Array, timeStamp: number, inputId: string) => void>();
  const portListeners = new Set<() => void>();
  const attach = () =>
    access.inputs.forEach((input) => {
      input.onmidimessage = (event: MIDIMessageEvent) => {
        if (!event.data) return;
        messageListeners.forEach((l) => l(event.data!, event.timeStamp, input.id));
      };
    });
  attach();
  access.onstatechange = () => {
    attach();
    portListeners.forEach((l) => l());
  };
  return {
    inputs: () => portsOf(access.inputs),
    outputs: () => portsOf(access.outputs),
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onPortsChange(listener) {
      portListeners.add(listener);
      return () => portListeners.delete(listener);
    },
    send(outputId, data, at) {
      access.outputs.get(outputId)?.send(data, at);
    },
    clear(outputId) {
      const output = access.outputs.get(outputId) as (MIDIOutput & { clear?: () => void }) | undefined;
      output?.clear?.();
    },
  };
}

/** Asks the browser for MIDI access. Never throws. */
export async function requestMidiAccess(nav: Navigator): Promise<MidiAccessResult> {
  if (typeof nav.requestMIDIAccess !== 'function') {
    return {
      ok: false,
      unsupported: true,
      reason: 'This browser has no Web MIDI: use Chrome or Edge to play in from a MIDI keyboard.',
    };
  }
  try {
    return { ok: true, connection: wrapMidiAccess(await nav.requestMIDIAccess({ sysex: false })) };
  } catch (error) {
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    return {
      ok: false,
      unsupported: false,
      reason: `MIDI access was refused${why}: allow MIDI for this site in the browser's settings.`,
    };
  }
}
