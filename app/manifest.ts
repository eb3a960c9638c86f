import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): lets a phone add the hub to its home screen with its icon. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Common Thread",
    short_name: "Common Thread",
    description: "Find volunteer projects, group walks and hobby meetups near you, sized to your energy.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f7f5f0",
    theme_color: "#2f6b4f",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
