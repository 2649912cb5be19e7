import { describe, expect, it } from "vitest";
import { escapeHtml, passwordChangedMail, passwordResetMail, verificationMail } from "../src/index.ts";

const link = "http://localhost:3000/verify-email?token=abc_DEF-123";

describe("mail templates", () => {
  it("puts the verification link in both bodies and names its lifetime", () => {
    const mail = verificationMail({ displayName: "Ada", link, validHours: 24 });
    expect(mail.subject).toBe("Confirm your email address");
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("24 hours");
    expect(mail.html).toContain(`href="${link}"`);
  });

  it("escapes a display name that tries to inject markup", () => {
    const mail = verificationMail({ displayName: '<img src=x onerror="alert(1)">', link, validHours: 24 });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("escapes ampersands and quotes inside the link's attribute", () => {
    const tricky = 'http://localhost:3000/reset-password?token=a&x="y"';
    const mail = passwordResetMail({ displayName: "Bo", link: tricky, validMinutes: 60 });
    expect(mail.html).toContain('href="http://localhost:3000/reset-password?token=a&amp;x=&quot;y&quot;"');
    expect(mail.text).toContain(tricky);
  });

  it("keeps a multi-line name on one line of the plain-text greeting", () => {
    const mail = passwordResetMail({ displayName: "Eve\r\nBcc: x@evil.test", link, validMinutes: 60 });
    expect(mail.text.split("\n")[0]).toBe("Hi Eve Bcc: x@evil.test,");
  });

  it("tells when the password changed and where to reset it", () => {
    const mail = passwordChangedMail({
      displayName: "Cy",
      changedAt: new Date("2026-05-01T10:20:30Z"),
      resetUrl: "http://localhost:3000/forgot-password",
    });
    expect(mail.text).toContain("2026-05-01 10:20 UTC");
    expect(mail.html).toContain('href="http://localhost:3000/forgot-password"');
    expect(mail.text).not.toContain("token");
  });

  it("escapes the five html specials", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
