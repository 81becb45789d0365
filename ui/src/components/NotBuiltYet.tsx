/** An honest placeholder for a screen whose feature has not been built yet. */
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <div className="notice">
        <strong className="notice-title">Not available yet</strong>
        <p>{what} This part of Number Desk has not been built yet.</p>
      </div>
    </section>
  );
}
