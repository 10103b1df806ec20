// OpenCC's tables, each a module whose default export is the serialised table
// ("key value|key value…"); opencc-js ships them without type declarations.
declare module "opencc-js/dict/*" {
  const table: string;
  export default table;
}
