/** A short two-tone alarm through WebAudio; the context is created on first use (ideally inside a click). */
export interface Beeper {
  beep(): void;
}

export function createBeeper(): Beeper {
  let ctx: AudioContext | null = null;
  return {
    beep: () => {
      if (typeof AudioContext === 'undefined') return;
      ctx ??= new AudioContext();
      const audio = ctx;
      // Browsers start a context suspended until a user gesture; resuming outside one fails quietly.
      audio.resume().catch(() => undefined);
      const start = audio.currentTime + 0.02;
      [880, 660].forEach((freq, i) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        const t0 = start + i * 0.22;
        osc.type = 'square';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t0);
        gain.gain.exponentialRampToValueAtTime(0.15, t0 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.2);
        osc.connect(gain).connect(audio.destination);
        osc.start(t0);
        osc.stop(t0 + 0.21);
      });
    },
  };
}
