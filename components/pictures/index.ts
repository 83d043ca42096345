// The pictures a lesson may draw with `<Picture name="..." />`: static, accessible SVG, one file each.
// A picture is a component taking no props; it names itself (role="img", <title>, <desc>) and
// follows the theme through currentColor and Tailwind's dark: classes.
import type { ComponentType } from 'react';
import { LayerCache } from './LayerCache';
import { ImageName } from './ImageName';
import { Namespaces } from './Namespaces';
import { RequestPath } from './RequestPath';

export const PICTURES: Record<string, ComponentType> = {
  'layer-cache': LayerCache,
  'image-name': ImageName,
  namespaces: Namespaces,
  'request-path': RequestPath,
};
