import { inSentOrder, numberUpload } from './upload-order';

describe('upload order', () => {
  it('puts files back in the order the parser began them, whatever order they finished in', () => {
    const [first, second, third] = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
    for (const file of [first, second, third]) numberUpload('photos', file);
    expect(inSentOrder([third, first, second]).map((file) => file.name)).toEqual(['a', 'b', 'c']);
  });

  it('keeps unnumbered files in their order, after the numbered ones', () => {
    const numbered = { name: 'n' };
    numberUpload('photos', numbered);
    expect(inSentOrder([{ name: 'x' }, { name: 'y' }, numbered]).map((file) => file.name)).toEqual(['n', 'x', 'y']);
  });
});
