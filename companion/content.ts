import content from 'virtual:kiosk-content';
import type { Content } from '../core/content/model';

/** The same validated content the kiosk is built with, compiled into the page. */
export const companionContent: Content = content;
