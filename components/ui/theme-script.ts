// Runs in <head> before the page paints, so a dark-mode reader never sees a white flash.
// A saved choice wins; anything else (nothing saved, or a corrupt value) follows the system.
export const THEME_STORAGE_KEY = 'berth-theme';

export const THEME_SCRIPT = `(function(){try{var m=localStorage.getItem('${THEME_STORAGE_KEY}');var d=m==='dark'||(m!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);var r=document.documentElement;r.classList.toggle('dark',d);r.style.colorScheme=d?'dark':'light';}catch(e){}})();`;

/**
 * `?embed=1` (an exercise inside an instructor's course page): marked before paint, so the site's
 * header and footer never flash inside the iframe.
 */
export const EMBED_SCRIPT = `(function(){if(/[?&]embed=1(&|$)/.test(location.search))document.documentElement.setAttribute('data-embed','');})();`;
