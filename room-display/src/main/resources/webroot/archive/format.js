/** How the archive page writes dates, versions and its own addresses, in the current language. */
import { t, lang } from '../shared/i18n.js';

/** A meeting date "2026-10-20" as 20/10/2026 (Vietnamese) or 20 Oct 2026 (English). */
export function meetingDate(iso) {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return lang() === 'vi'
    ? d.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "Phiên bản 2 · đính chính phiên bản 1" from a summary's version and correctsId. */
export function versionText(m) {
  const text = t('archive.version', { n: m.version });
  const corrected = /-v(\d+)$/.exec(m.correctsId || '');
  return corrected ? `${text} · ${t('archive.corrects', { n: corrected[1] })}` : text;
}

export function entryHash(id) {
  return `#/bien-ban/${encodeURIComponent(id)}`;
}

/** The common name and organisation of a certificate subject "CN=…,O=…" ("CN (O)"). */
export function signerName(subject) {
  if (!subject) return '';
  const parts = {};
  for (const piece of subject.split(/,(?=\s*[A-Z]+=)/)) {
    const at = piece.indexOf('=');
    if (at > 0) parts[piece.slice(0, at).trim()] = piece.slice(at + 1).trim();
  }
  if (!parts.CN) return subject;
  return parts.O ? `${parts.CN} (${parts.O})` : parts.CN;
}

/** A safe file name: "bien-ban-01-BB-CB-v1.pdf". */
export function fileName(prefix, m, ext) {
  const folded = String(m.number || m.id).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return `${prefix}-${folded.replace(/[^A-Za-z0-9._-]+/g, '-')}-v${m.version}.${ext}`;
}
