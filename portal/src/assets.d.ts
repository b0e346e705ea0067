/** Files the bundler copies under a hashed name: importing one gives its public URL. */
declare module '*.svg' {
  const url: string;
  export default url;
}
