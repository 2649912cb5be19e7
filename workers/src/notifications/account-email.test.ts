import { describe, expect, it } from "vitest";
import { passwordChangedEmail, passwordResetEmail, verificationEmail } from "./account-email.tsx";

const appUrl = "http://localhost:3000";
const link = "http://localhost:3000/verify-email?token=abc_DEF-123";

describe("account mails (React Email)", () => {
  it("put the verification link in both bodies and name its lifetime", async () => {
    const mail = await verificationEmail(appUrl, { displayName: "Ada", link, validHours: 24 });
    expect(mail.subject).toBe("Confirm your email address");
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("24 hours");
    expect(mail.html).toContain(`href="${link}"`);
    // Security mail cannot be turned off, so it offers no unsubscribe.
    expect(mail.html).not.toContain("Unsubscribe");
  });

  it("escape a display name that tries to inject markup", async () => {
    const mail = await verificationEmail(appUrl, {
      displayName: '<img src=x onerror="alert(1)">',
      link,
      validHours: 24,
    });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=");
  });

  it("escape ampersands and quotes inside the link's attribute", async () => {
    const tricky = 'http://localhost:3000/reset-password?token=a&x="y"';
    const mail = await passwordResetEmail(appUrl, { displayName: "Bo", link: tricky, validMinutes: 60 });
    expect(mail.html).toContain('href="http://localhost:3000/reset-password?token=a&amp;x=&quot;y&quot;"');
    expect(mail.text).toContain(tricky);
  });

  it("keep a multi-line name on one line of the plain-text greeting", async () => {
    const mail = await passwordResetEmail(appUrl, {
      displayName: "Eve\r\nBcc: x@evil.test",
      link,
      validMinutes: 60,
    });
    expect(mail.text).toContain("Hi Eve Bcc: x@evil.test,");
    expect(mail.text).not.toMatch(/Eve\r?\nBcc/);
  });

  it("tell when the password changed and where to reset it", async () => {
    const mail = await passwordChangedEmail(appUrl, {
      displayName: "Cy",
      changedAt: new Date("2026-05-01T10:20:30Z"),
      resetUrl: "http://localhost:3000/forgot-password",
    });
    expect(mail.text).toContain("2026-05-01 10:20 UTC");
    expect(mail.html).toContain('href="http://localhost:3000/forgot-password"');
    expect(mail.text).not.toContain("token");
  });
});
