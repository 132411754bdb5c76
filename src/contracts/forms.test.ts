import { describe, expect, it } from "vitest";
import { formatNationalRegisterNumber, isValidNationalRegisterNumber } from "./forms";

describe("the rijksregisternummer check", () => {
  it("accepts a valid number of someone born before 2000: 97 − (first nine digits mod 97)", () => {
    expect(isValidNationalRegisterNumber("85073003328")).toBe(true);
  });

  it("refuses a wrong check number, too few or too many digits, and letters", () => {
    expect(isValidNationalRegisterNumber("85073003329")).toBe(false);
    expect(isValidNationalRegisterNumber("8507300332")).toBe(false);
    expect(isValidNationalRegisterNumber("850730033280")).toBe(false);
    expect(isValidNationalRegisterNumber("85O73003328")).toBe(false);
    expect(isValidNationalRegisterNumber("")).toBe(false);
  });

  it("computes the check of people born from 2000 over 2 followed by the nine digits", () => {
    // 171231001: 97 − (2171231001 mod 97) = 24; the pre-2000 rule would give 92.
    expect(isValidNationalRegisterNumber("17123100124")).toBe(true);
    expect(isValidNationalRegisterNumber("17123100125")).toBe(false);
    expect(isValidNationalRegisterNumber("00010100105")).toBe(true);
  });

  it("accepts the usual notation with dots, dash and spaces, and writes it", () => {
    expect(isValidNationalRegisterNumber("85.07.30-033.28")).toBe(true);
    expect(isValidNationalRegisterNumber(" 85 07 30 033 28 ")).toBe(true);
    expect(isValidNationalRegisterNumber("85.07.30-033.29")).toBe(false);
    expect(formatNationalRegisterNumber("85073003328")).toBe("85.07.30-033.28");
  });
});
