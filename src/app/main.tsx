import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Phrasewright</h1>
      <div role="grid" aria-label="Phrase A grid">grid coming</div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
