import { useEffect } from 'react';
import { useServices } from '../AppContext';

/**
 * Connects the MIDI keyboard by itself only where MIDI was already allowed, whether or not the MIDI panel is
 * open (the keyboard plays and writes from any panel). Otherwise the musician asks with the panel's button,
 * so "MIDI access was refused" never greets someone who did not ask for MIDI. A browser without Web MIDI is
 * told at once: there is nothing to ask and nothing to refuse.
 */
export function useMidiAutoConnect(): void {
  const { midi } = useServices();
  useEffect(() => {
    let cancelled = false;
    if (typeof (navigator as Partial<Navigator>).requestMIDIAccess !== 'function') {
      void midi.actions.connect();
      return;
    }
    const permissions = (navigator as Navigator & { permissions?: Permissions }).permissions;
    permissions
      ?.query({ name: 'midi' as PermissionName })
      .then((status) => !cancelled && status.state === 'granted' && void midi.actions.connect())
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [midi]);
}
