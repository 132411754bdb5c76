/** "+31612345678" (or "06-12 34 56 78") as people read a Dutch mobile number: "06 12345678". */
export function displayMobile(number: string): string {
  const compact = number.replace(/[\s\-.()/]/g, "");
  const national = /^(?:\+31|0031|0)(6\d{8})$/.exec(compact)?.[1];
  return national ? `0${national.slice(0, 1)} ${national.slice(1)}` : number;
}
