import photoGuard from './photo-guard';
import portal from './portal';

export default { 'photo-guard': photoGuard, portal };
