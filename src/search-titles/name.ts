/** The file the search box reads beside Pagefind's bundle: each page's URL, title and question headings by its Pagefind id. */
export const TITLES_FILE = 'handbook-titles.json';
