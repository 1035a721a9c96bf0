/**
 * E.164 numbers grouped for people: "+52 55 1234 5678" rather than "+525512345678". The country
 * calling code is found by its length (the ITU codes are prefix-free: 1 and 7 are the only
 * one-digit codes, the two-digit ones are listed, every other is three digits), then the national
 * digits are grouped in fours and threes from the end. It is not a national dialling plan — that
 * is libphonenumber's metadata, 29 KB gzip even in its "min" build, above the kit's whole budget
 * (measured in README's design notes) — but every number reads in short groups. Anything that is
 * not E.164 is returned as it came.
 */
const ONE_DIGIT = '17';
const TWO_DIGITS = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

export function formatPhoneNumber(number: string): string {
  if (!/^\+\d{8,15}$/.test(number)) return number;
  const digits = number.slice(1);
  const codeLength = ONE_DIGIT.includes(digits[0]!) ? 1 : TWO_DIGITS.has(digits.slice(0, 2)) ? 2 : 3;
  let national = digits.slice(codeLength);
  const groups: string[] = [];
  // Four digits last, then threes; a lone leading digit joins the next group.
  for (let size = 4; national.length > 0; size = 3) {
    const take = national.length - size <= 1 ? national.length : size;
    groups.unshift(national.slice(national.length - take));
    national = national.slice(0, national.length - take);
  }
  return `+${digits.slice(0, codeLength)} ${groups.join(' ')}`;
}
