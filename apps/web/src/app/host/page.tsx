import { redirect } from "next/navigation";

export default function HostPage() {
  redirect("/host/listings");
}
