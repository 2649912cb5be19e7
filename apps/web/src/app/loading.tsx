import { LoadingBlock } from "@/components/ui/spinner.tsx";

export default function Loading() {
  return (
    <div className="page">
      <LoadingBlock />
    </div>
  );
}
