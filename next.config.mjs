/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static site: every page is HTML built ahead of time; the simulator runs in the browser.
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  // mdx-bundler drives esbuild, a native binary: it runs at build time and must not be bundled.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
  poweredByHeader: false,
};

export default nextConfig;
