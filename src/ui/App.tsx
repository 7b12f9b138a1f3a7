export function App() {
  return (
    <main>
      <h1>Chainlab</h1>
    </main>
  );
}
