"""The GB/T 9704-2012 .docx writer, the PDF beside it and the safe hand-off to a USB stick."""
