import { ButtonLink } from "@/components/ui/button.tsx";

export default function NotFound() {
  return (
    <div className="page page--narrow stack">
      <h1>Page not found</h1>
      <p className="muted">The page you are looking for does not exist or has moved.</p>
      <div>
        <ButtonLink href="/">Go home</ButtonLink>
      </div>
    </div>
  );
}
