import QRCode from 'qrcode';

/** The join URL as a QR code for the terminal: block characters, or ANSI colours when allowed. */
export async function terminalQr(url: string, color: boolean): Promise<string> {
  return color ? QRCode.toString(url, { type: 'terminal', small: true }) : QRCode.toString(url, { type: 'utf8', margin: 2 });
}

/** The same code as SVG, for the trainer's screen. */
export async function svgQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}
