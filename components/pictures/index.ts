// The pictures a lesson may draw with `<Picture name="..." />`: static, accessible SVG, one file each.
// A picture is a component taking no props; it names itself (role="img", <title>, <desc>) and
// follows the theme through currentColor and Tailwind's dark: classes.
import type { ComponentType } from 'react';

export const PICTURES: Record<string, ComponentType> = {};
