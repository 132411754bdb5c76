import { describe, expect, it } from "vitest";
import {
  formatNationalRegisterNumber,
  isValidNationalRegisterNumber,
  nationalRegisterDigits,
} from "./national-register";

describe("the Belgian national register number", () => {
  it("accepts numbers whose check is 97 minus the first nine digits mod 97 (born before 2000)", () => {
    expect(isValidNationalRegisterNumber("85073003328")).toBe(true);
    expect(isValidNationalRegisterNumber("93051822361")).toBe(true);
    expect(isValidNationalRegisterNumber("85.07.30-033.28")).toBe(true);
    expect(isValidNationalRegisterNumber(" 85 07 30 033 28 ")).toBe(true);
  });

  it("accepts numbers of people born from 2000 on, checked over 2 followed by the nine digits", () => {
    // 050415123: 97 - (2050415123 mod 97) = 74; the pre-2000 rule would give another check.
    expect(isValidNationalRegisterNumber("05041512374")).toBe(true);
    expect(isValidNationalRegisterNumber("01010100126")).toBe(true);
    // 171231001: 97 − (2171231001 mod 97) = 24; the pre-2000 rule would give 92.
    expect(isValidNationalRegisterNumber("17123100124")).toBe(true);
    expect(isValidNationalRegisterNumber("17123100125")).toBe(false);
    expect(97 - (50415123 % 97)).not.toBe(74);
  });

  it("refuses a wrong check, another length and letters", () => {
    expect(isValidNationalRegisterNumber("85073003329")).toBe(false);
    expect(isValidNationalRegisterNumber("05041512375")).toBe(false);
    expect(isValidNationalRegisterNumber("8507300332")).toBe(false);
    expect(isValidNationalRegisterNumber("850730033280")).toBe(false);
    expect(isValidNationalRegisterNumber("85O73003328")).toBe(false);
    expect(isValidNationalRegisterNumber("")).toBe(false);
  });

  it("gives the digits and the written form", () => {
    expect(nationalRegisterDigits("85.07.30-033.28")).toBe("85073003328");
    expect(nationalRegisterDigits("85.07.30")).toBeNull();
    expect(formatNationalRegisterNumber("85073003328")).toBe("85.07.30-033.28");
  });
});
