import body from './body';
import photoGuard from './photo-guard';
import portal from './portal';

export default { body, 'photo-guard': photoGuard, portal };
