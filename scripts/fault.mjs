// `npm run fault -- <kind> <id> [--url URL]`: inject a fault into the running simulated site.
const kinds = {
  'drive-fail': 'driveId',
  'drive-degrade': 'driveId',
  'drive-replace': 'driveId',
  'enclosure-offline': 'enclosureId',
  'enclosure-online': 'enclosureId',
};

const args = process.argv.slice(2);
const urlFlag = args.indexOf('--url');
const base =
  urlFlag >= 0 ? args.splice(urlFlag, 2)[1] : (process.env.DRIVEBAY_URL ?? 'http://127.0.0.1:8080');
const [kind, id] = args;
if (!kind || !(kind in kinds) || !id) {
  console.error(
    `Usage: npm run fault -- <kind> <id> [--url ${base}]\n  kinds: ${Object.keys(kinds).join(', ')}\n` +
      '  example: npm run fault -- enclosure-offline enc-a01-1',
  );
  process.exit(2);
}
const response = await fetch(new URL('/api/v1/admin/simulator/faults', base), {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ kind, [kinds[kind]]: id }),
}).catch((error) => {
  console.error(
    `drivebay: cannot reach ${base}: ${error.cause?.message ?? error.message}. Is "npm start" running?`,
  );
  process.exit(1);
});
const body = await response.json().catch(() => ({}));
if (!response.ok) {
  console.error(
    `drivebay: ${response.status} ${body.error?.code ?? ''}: ${body.error?.message ?? 'request failed'}`,
  );
  process.exit(1);
}
console.log(
  `${kind} ${id}: committed at revision ${body.revision}${body.newDriveId ? `; new drive ${body.newDriveId}` : ''}`,
);
