/**
 * The address patterns "annotate pages as I browse" and "show my highlights
 * automatically" need (an optional permission). Its own module so that pure
 * code and unit tests can use it without loading the storage items.
 */
export const ANNOTATE_ORIGINS = ['https://*/*', 'http://*/*'];
