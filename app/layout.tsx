import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ThemeToggle } from '@/components/ui/ThemeToggle';
import { EMBED_SCRIPT, THEME_SCRIPT } from '@/components/ui/theme-script';
import { Notices } from '@/components/ui/Notices';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Berth: learn containers and Kubernetes by doing', template: '%s · Berth' },
  description: 'Type real docker commands in your browser and watch the machine react. No account, nothing to install.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: EMBED_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-white text-slate-800 antialiased dark:bg-slate-950 dark:text-slate-200">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-harbor-700 focus:px-4 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <header className="site-chrome sticky top-0 z-40 h-14 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
          <div className="mx-auto flex h-full max-w-5xl items-center justify-between gap-4 px-4 sm:px-6">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900 dark:text-white">
              <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-harbor-700 font-mono text-sm text-white">
                b
              </span>
              Berth
            </Link>
            <nav aria-label="Site" className="flex items-center gap-4 text-sm">
              <Link href="/#chapters" className="text-slate-700 hover:text-harbor-700 dark:text-slate-300 dark:hover:text-harbor-300">
                Course
              </Link>
              <Link href="/exercises/" className="text-slate-700 hover:text-harbor-700 dark:text-slate-300 dark:hover:text-harbor-300">
                Exercises
              </Link>
              <Link href="/progress/" className="text-slate-700 hover:text-harbor-700 dark:text-slate-300 dark:hover:text-harbor-300">
                Progress
              </Link>
              <ThemeToggle />
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="focus:outline-none">
          {children}
        </main>
        <footer className="site-chrome border-t border-slate-200 dark:border-slate-800">
          <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600 sm:px-6 dark:text-slate-400">
            Berth is open source. Every terminal runs a simulated machine in your browser: nothing is sent anywhere.
          </p>
        </footer>
        <Notices />
      </body>
    </html>
  );
}
