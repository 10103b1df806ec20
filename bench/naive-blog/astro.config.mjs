// @ts-check
// Astro's defaults, as a new blog has them: static output, one folder per page.
import { defineConfig } from "astro/config";

export default defineConfig({
  site: "https://blog.example.org",
});
