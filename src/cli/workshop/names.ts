/** Download names: the bank id (already `[a-z0-9-]`, kept to those characters anyway) and what it is. */
export function groupBankFileName(bankId: string, what: 'report' | 'group'): string {
  return `diag-${bankId.replace(/[^a-z0-9-]/gi, '')}-${what}`;
}
