import photoGuard from './photo-guard';

export default { 'photo-guard': photoGuard };
