// CSV of a chart's data, RFC 4180: a header line, then one line per row; numbers are written with
// full double precision (String(x) round-trips) so that the file reproduces the chart exactly.

function cell(value: string | number): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "inf";
    if (value === -Infinity) return "-inf";
    return String(value);
  }
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(headers: string[], rows: (string | number)[][]): string {
  const lines = [headers.map(cell).join(",")];
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new RangeError(`rows: expected ${headers.length} cells per row, got ${row.length}`);
    }
    lines.push(row.map(cell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
