import { describe, expect, it } from "vitest";
import { displayMobile } from "./phone-display";

describe("displayMobile", () => {
  it("shows a Dutch mobile number the way people read it, whatever the notation", () => {
    expect(displayMobile("+31612345678")).toBe("06 12345678");
    expect(displayMobile("06 12 34 56 78")).toBe("06 12345678");
    expect(displayMobile("06-12345678")).toBe("06 12345678");
    expect(displayMobile("0031612345678")).toBe("06 12345678");
    expect(displayMobile("070 1234567")).toBe("070 1234567");
  });
});
