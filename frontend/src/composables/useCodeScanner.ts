/**
 * Optional camera scanning of a shift's check-in code with the browser's BarcodeDetector
 * (Chrome on Android, some others). Where it is missing, `supported` is false and the screen
 * keeps to typing the code. Nothing is recorded: frames are read and dropped.
 */
import { onBeforeUnmount, ref } from 'vue'

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>
}
type DetectorClass = new (options?: { formats?: string[] }) => Detector

/** The six-digit code inside what was scanned (the QR carries just the code). */
export function codeFrom(raw: string): string | null {
  const m = /(?:^|\D)(\d{6})(?:\D|$)/.exec(raw.trim())
  return m ? m[1] : null
}

export function useCodeScanner(onCode: (code: string) => void) {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector
  const supported = !!Ctor && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia
  const scanning = ref(false)
  const failed = ref(false)
  let stream: MediaStream | null = null
  let frame = 0

  async function start(video: HTMLVideoElement) {
    if (!supported || !Ctor) return
    failed.value = false
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } })
      video.srcObject = stream
      await video.play()
      scanning.value = true
      const detector = new Ctor({ formats: ['qr_code'] })
      const tick = async () => {
        if (!scanning.value) return
        try {
          const found = await detector.detect(video)
          const code = found.map((f) => codeFrom(f.rawValue)).find(Boolean)
          if (code) {
            stop()
            onCode(code)
            return
          }
        } catch {
          // a frame that could not be read: try the next one
        }
        frame = requestAnimationFrame(tick) as unknown as number
      }
      tick()
    } catch {
      failed.value = true // no permission or no camera: typing still works
      stop()
    }
  }

  function stop() {
    scanning.value = false
    cancelAnimationFrame(frame)
    stream?.getTracks().forEach((track) => track.stop())
    stream = null
  }

  onBeforeUnmount(stop)
  return { supported, scanning, failed, start, stop }
}
