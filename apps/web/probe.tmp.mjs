import { chromium } from "@playwright/test";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
let navs = 0;
page.on("framenavigated", (f) => {
  if (f === page.mainFrame()) navs++;
});
page.on("console", (m) => console.log("console:", m.text().slice(0, 200)));
await page.goto(process.argv[2], { waitUntil: "networkidle" });
await page.waitForTimeout(8000);
console.log("navs", navs);
await browser.close();
