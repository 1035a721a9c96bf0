export { handleRoute, handleUnknownRoute } from './handleRoute';
