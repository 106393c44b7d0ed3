// The store defines "the current phrase" once; the UI's components import it from here.
export { selectCurrentPhrase, visiblePreview as selectVisiblePreview } from '../store/selectors';
